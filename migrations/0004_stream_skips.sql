ALTER TABLE `sync_streams` ADD `skips_this_pass` text;--> statement-breakpoint
ALTER TABLE `sync_streams` ADD `skips` text;