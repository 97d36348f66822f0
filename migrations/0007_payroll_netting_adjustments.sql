CREATE TABLE `statement_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`purpose` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_adjustments_statement_idx` ON `statement_adjustments` (`org_id`,`statement_id`);--> statement-breakpoint
ALTER TABLE `line_items` ADD `kind` text DEFAULT 'bonus' NOT NULL;--> statement-breakpoint
CREATE INDEX `line_items_due_idx` ON `line_items` (`status`,`held_until`);--> statement-breakpoint
ALTER TABLE `statements` ADD `carried_in_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `carry_out_cents` integer DEFAULT 0 NOT NULL;