CREATE TABLE `propay_sync_passes` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`settings_stamp` text NOT NULL,
	`since` text,
	`watermark` text,
	`after_job` text,
	`jobs_done` integer DEFAULT 0 NOT NULL,
	`jobs_total` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL
);
