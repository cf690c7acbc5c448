-- The dev outbox keeps a mail's extra headers too (e.g. List-Unsubscribe), one "Name: value" a line.
ALTER TABLE outbox_mail ADD COLUMN headers VARCHAR(2000) NULL;
