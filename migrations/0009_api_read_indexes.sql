CREATE INDEX `milestones_org_external_idx` ON `milestones` (`org_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `time_entries_job_idx` ON `time_entries` (`connection_id`,`job_external_id`);--> statement-breakpoint
CREATE INDEX `propays_org_created_idx` ON `propays` (`org_id`,`created_at`,`id`);