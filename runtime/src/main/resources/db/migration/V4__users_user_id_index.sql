-- GET /api/v2/users/{id} looks a user up by user_id across connections; the unique key starts with
-- `connection`, so without this index that lookup scans the table.
CREATE INDEX users_user_id_idx ON users (user_id);
