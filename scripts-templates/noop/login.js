// The no-op login that ends a migration: every user has moved to Sluice's own store,
// so the legacy store is never asked again.
function login(email, password, callback) {
    return callback(null, null);
}
