-- The display names of users who signed in with names from their token (users not in the
-- configuration), so that lists name who ordered, bound or shared something.
CREATE TABLE user_names (
  user_id text PRIMARY KEY,
  display_name text NOT NULL,
  updated_at timestamptz NOT NULL
);
