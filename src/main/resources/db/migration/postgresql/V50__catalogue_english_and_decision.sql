-- Catalogue items carry our English name (and whose it is) and the reason for the mapping decision
-- (geodata/project-catalogue.csv, issue #13). The loader rewrites the whole table on every load.
ALTER TABLE catalogue_item ADD COLUMN name_en VARCHAR(400);
ALTER TABLE catalogue_item ADD COLUMN name_en_source VARCHAR(100);
ALTER TABLE catalogue_item ADD COLUMN decision VARCHAR(1000);
