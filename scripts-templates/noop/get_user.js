// The no-op get_user that ends a migration: the legacy store knows no one any more.
function getByEmail(email, callback) {
    return callback(null, null);
}
