CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`vendor` text NOT NULL,
	`account_label` text NOT NULL,
	`credentials_ciphertext` text NOT NULL,
	`credentials_iv` text NOT NULL,
	`settings` text NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`last_error_code` text,
	`last_error_message` text,
	`frequency_seconds` integer NOT NULL,
	`next_run_at` text NOT NULL,
	`lease_until` text,
	`lease_token` text,
	`current_run_id` text,
	`last_run_started_at` text,
	`last_run_finished_at` text,
	`last_success_at` text,
	`last_forced_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `connections_org_idx` ON `connections` (`org_id`);--> statement-breakpoint
CREATE INDEX `connections_due_idx` ON `connections` (`next_run_at`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`org_id` text NOT NULL,
	`trigger` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`steps` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_runs_connection_idx` ON `sync_runs` (`connection_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sync_seen` (
	`connection_id` text NOT NULL,
	`stream` text NOT NULL,
	`external_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_seen_idx` ON `sync_seen` (`connection_id`,`stream`,`external_id`);--> statement-breakpoint
CREATE TABLE `sync_streams` (
	`connection_id` text NOT NULL,
	`stream` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`checkpoint` text,
	`cursor` text,
	`completed_run_id` text,
	`backfilled` integer DEFAULT false NOT NULL,
	`records_this_pass` integer DEFAULT 0 NOT NULL,
	`progress_permille` integer,
	`pass_started_at` text,
	`added` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`last_error_message` text,
	`last_success_at` text,
	PRIMARY KEY(`connection_id`, `stream`),
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `branches` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`time_zone` text,
	`active` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branches_connection_external_unique` ON `branches` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `branches_org_idx` ON `branches` (`org_id`);--> statement-breakpoint
CREATE TABLE `budgets` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`job_external_id` text,
	`milestone_external_id` text,
	`cost_code_external_id` text,
	`catalog_item_external_id` text,
	`name` text,
	`item_type` text,
	`quantity` real,
	`amount_cents` integer,
	`seconds` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budgets_connection_external_unique` ON `budgets` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `budgets_org_idx` ON `budgets` (`org_id`);--> statement-breakpoint
CREATE INDEX `budgets_milestone_idx` ON `budgets` (`connection_id`,`milestone_external_id`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`branch_external_id` text,
	`active` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_connection_external_unique` ON `clients` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `clients_org_idx` ON `clients` (`org_id`);--> statement-breakpoint
CREATE TABLE `cost_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`code` text,
	`name` text NOT NULL,
	`active` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_codes_connection_external_unique` ON `cost_codes` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `cost_codes_org_idx` ON `cost_codes` (`org_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`number` text,
	`name` text NOT NULL,
	`client_external_id` text,
	`branch_external_id` text,
	`manager_external_id` text,
	`recurring` integer NOT NULL,
	`status` text NOT NULL,
	`vendor_status` text,
	`contract_price_cents` integer,
	`budget_seconds` integer,
	`budget_labor_cents` integer,
	`start_date` text,
	`end_date` text,
	`completed_date` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_connection_external_unique` ON `jobs` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `jobs_org_idx` ON `jobs` (`org_id`);--> statement-breakpoint
CREATE TABLE `material_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`milestone_external_id` text,
	`catalog_item_external_id` text,
	`item_type` text,
	`quantity` real NOT NULL,
	`unit_cost_cents` integer,
	`total_cost_cents` integer,
	`allocation_date` text,
	`vendor_status` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `material_allocations_connection_external_unique` ON `material_allocations` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `material_allocations_org_idx` ON `material_allocations` (`org_id`);--> statement-breakpoint
CREATE INDEX `material_allocations_milestone_idx` ON `material_allocations` (`connection_id`,`milestone_external_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`job_external_id` text,
	`number` text,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`vendor_status` text,
	`vendor_status_name` text,
	`branch_external_id` text,
	`crew_leader_external_id` text,
	`route_external_id` text,
	`estimated_seconds` integer,
	`estimated_labor_cents` integer,
	`actual_seconds` integer,
	`scheduled_date` text,
	`completed_date` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_connection_external_unique` ON `milestones` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `milestones_org_idx` ON `milestones` (`org_id`);--> statement-breakpoint
CREATE INDEX `milestones_job_idx` ON `milestones` (`connection_id`,`job_external_id`);--> statement-breakpoint
CREATE TABLE `routes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`branch_external_id` text,
	`crew_leader_external_id` text,
	`manager_external_id` text,
	`active` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routes_connection_external_unique` ON `routes` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `routes_org_idx` ON `routes` (`org_id`);--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`worker_external_id` text,
	`job_external_id` text,
	`milestone_external_id` text,
	`route_external_id` text,
	`crew_leader_external_id` text,
	`cost_code_external_id` text,
	`work_date` text NOT NULL,
	`start_at` text,
	`end_at` text,
	`duration_seconds` integer NOT NULL,
	`overtime_seconds` integer DEFAULT 0 NOT NULL,
	`double_time_seconds` integer DEFAULT 0 NOT NULL,
	`hourly_cents` integer,
	`cost_cents` integer,
	`is_drive` integer DEFAULT false NOT NULL,
	`approval` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_connection_external_unique` ON `time_entries` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `time_entries_org_idx` ON `time_entries` (`org_id`);--> statement-breakpoint
CREATE INDEX `time_entries_milestone_idx` ON `time_entries` (`connection_id`,`milestone_external_id`);--> statement-breakpoint
CREATE INDEX `time_entries_date_idx` ON `time_entries` (`connection_id`,`work_date`);--> statement-breakpoint
CREATE TABLE `wages` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`worker_external_id` text NOT NULL,
	`effective_date` text NOT NULL,
	`hourly_cents` integer NOT NULL,
	`burden_bp` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wages_connection_external_unique` ON `wages` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `wages_org_idx` ON `wages` (`org_id`);--> statement-breakpoint
CREATE INDEX `wages_worker_idx` ON `wages` (`connection_id`,`worker_external_id`,`effective_date`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`data_hash` text NOT NULL,
	`vendor_modified` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`email` text,
	`employee_number` text,
	`branch_external_id` text,
	`active` integer,
	`terminated_date` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_connection_external_unique` ON `workers` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `workers_org_idx` ON `workers` (`org_id`);