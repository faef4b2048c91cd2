ALTER TABLE `claimants` ADD `kind` text CHECK (`kind` is null or `kind` in ('person', 'organization'));
