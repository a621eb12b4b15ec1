-- Shares: one row per uploaded ciphertext. The bytes live in R2 under the same id.
CREATE TABLE shares (
  id TEXT PRIMARY KEY,                 -- 128 random bits, base64url (22 chars)
  size_bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,         -- unix ms
  expires_at INTEGER NOT NULL,         -- unix ms
  delete_token_hash TEXT NOT NULL,     -- sha-256 hex of the delete token (the token itself is never stored)
  deleted_at INTEGER,                  -- unix ms, set by DELETE; the row stays as a tombstone (404, never reused)
  purged_at INTEGER                    -- unix ms, when the R2 bytes were removed (delete or expiry sweep)
);

-- The daily sweep looks for expired rows whose bytes are still stored.
CREATE INDEX shares_unpurged_expiry ON shares (expires_at) WHERE purged_at IS NULL;
