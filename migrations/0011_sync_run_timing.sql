ALTER TABLE `sync_runs` ADD `vendor_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_runs` ADD `step_ms` integer DEFAULT 0 NOT NULL;