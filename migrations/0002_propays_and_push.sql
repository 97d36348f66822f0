CREATE TABLE `bonus_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `line_items` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`propay_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`connection_id` text NOT NULL,
	`worker_external_id` text NOT NULL,
	`role` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`approval_round` integer NOT NULL,
	`approval_date` text NOT NULL,
	`status` text NOT NULL,
	`hold_reason` text,
	`held_until` text,
	`paid_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`propay_id`) REFERENCES `propays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `line_items_idempotency_unique` ON `line_items` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `line_items_propay_idx` ON `line_items` (`propay_id`);--> statement-breakpoint
CREATE INDEX `line_items_statement_idx` ON `line_items` (`statement_id`);--> statement-breakpoint
CREATE TABLE `propay_sync_marks` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`watermark` text,
	`settings_stamp` text NOT NULL,
	`processed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `propays` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`job_external_id` text NOT NULL,
	`milestone_external_id` text,
	`scope_key` text NOT NULL,
	`origin` text NOT NULL,
	`manager_user_id` text,
	`manager_worker_external_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`approval_round` integer DEFAULT 0 NOT NULL,
	`approval_date` text,
	`approved_at` text,
	`approved_by_user_id` text,
	`cost_exclusions_locked` integer DEFAULT false NOT NULL,
	`budget` text,
	`adjustment` text NOT NULL,
	`budget_rule` text NOT NULL,
	`budget_modifier_bp` integer NOT NULL,
	`pool` text NOT NULL,
	`distribution` text NOT NULL,
	`disqualifiers` text NOT NULL,
	`penalties` text NOT NULL,
	`hold_policy` text NOT NULL,
	`posting_period` text NOT NULL,
	`cost_settings` text NOT NULL,
	`people` text NOT NULL,
	`breakdown` text,
	`calculation_issues` text,
	`budget_source` text,
	`input_hash` text,
	`computed_at` text,
	`attention` text,
	`created_by_user_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `propays_org_scope_unique` ON `propays` (`org_id`,`scope_key`);--> statement-breakpoint
CREATE INDEX `propays_org_status_idx` ON `propays` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `propays_job_idx` ON `propays` (`connection_id`,`job_external_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`number` integer NOT NULL,
	`connection_id` text NOT NULL,
	`worker_external_id` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`paid_on` text,
	`paid_by_user_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_org_number_unique` ON `statements` (`org_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `statements_worker_period_unique` ON `statements` (`org_id`,`connection_id`,`worker_external_id`,`period_start`);--> statement-breakpoint
CREATE TABLE `push_records` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`kind` text NOT NULL,
	`operation` text NOT NULL,
	`vendor_external_id` text,
	`payload` text NOT NULL,
	`base_vendor_modified` text,
	`recovery` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`pushed_at` text
);
--> statement-breakpoint
CREATE INDEX `push_records_connection_state_idx` ON `push_records` (`connection_id`,`state`);--> statement-breakpoint
CREATE INDEX `push_records_org_idx` ON `push_records` (`org_id`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`kind` text NOT NULL,
	`vendor_external_id` text,
	`push_record_id` text NOT NULL,
	`ours` text NOT NULL,
	`theirs` text,
	`resolution` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_connection_idx` ON `sync_conflicts` (`connection_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `sync_streams` ADD `notice` text;--> statement-breakpoint
ALTER TABLE `material_allocations` ADD `inventory_location_external_id` text;