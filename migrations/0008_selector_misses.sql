CREATE TABLE `selector_miss_budgets` (
	`org_id` text PRIMARY KEY NOT NULL,
	`reports` integer NOT NULL,
	`window_ends_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `selector_misses` (
	`org_id` text NOT NULL,
	`vendor` text NOT NULL,
	`kind` text NOT NULL,
	`page_pattern` text NOT NULL,
	`extension_version` text NOT NULL,
	`count` integer NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selector_misses_key_idx` ON `selector_misses` (`org_id`,`vendor`,`kind`,`page_pattern`,`extension_version`);--> statement-breakpoint
CREATE INDEX `selector_misses_org_seen_idx` ON `selector_misses` (`org_id`,`last_seen_at`);