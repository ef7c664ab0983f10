-- Matters whose Open311-reported cases anyone may list (GET requests): street furniture, litter, flooding.
-- Off by default, so a catalogue without the flag publishes nothing.
alter table gc_matter add column is_public boolean default false not null;
