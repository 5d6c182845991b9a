/** Exit codes of the `enforcer` CLI. */
export const EXIT_OK = 0;
/** At least one `error` violation. */
export const EXIT_VIOLATIONS = 1;
/** Bad arguments or a bad config file: nothing was checked. */
export const EXIT_USAGE = 2;
