// Test-only module: a host call that cannot be interrupted (CancelGraceTest).
(function (module, exports, require, host) {
    module.exports = {spin: (ms) => host.spin(ms)};
});
