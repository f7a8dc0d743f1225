-- Webhook signing secrets rest sealed (AES-GCM, issue 29): secretSealed holds 'v1:' + base64(nonce | ciphertext |
-- tag). secretValue, the clear column, is emptied row by row by the application at its next start (SecretSealing),
-- so it may now be null; it stays for the rows an older node may still write during a rolling upgrade.
alter table webhook_secret add column secretSealed varchar(200);
alter table webhook_secret alter column secretValue drop not null;
