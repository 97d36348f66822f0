-- Issue #18: before the zone-spread fix, an Aspire change cursor could move past changes stamped in a branch zone
-- behind another branch's, and those changes were never read. Clearing the cursor (and any pass in progress) makes
-- each such stream's next pass a changes pass from the beginning: every record is read once more, identical rows
-- cost no write, and the missed changes are found. Streams without a modified stamp keep no cursor and are not touched.
UPDATE `sync_streams` SET `cursor` = NULL, `checkpoint` = NULL
WHERE `cursor` IS NOT NULL
  AND `connection_id` IN (SELECT `id` FROM `connections` WHERE `vendor` = 'aspire');
