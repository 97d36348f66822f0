ALTER TABLE `organizations` ADD `locale` text DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `currency` text DEFAULT 'USD' NOT NULL;