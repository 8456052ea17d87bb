-- The fingerprint of the key that sealed the stored binding credentials, so that the platform
-- refuses to start with another key (or none) instead of making every credential unreadable.
CREATE TABLE credentials_key (
  -- Exactly one row.
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- HMAC-SHA256 of a fixed label under the key, hex: names the key without revealing it.
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
