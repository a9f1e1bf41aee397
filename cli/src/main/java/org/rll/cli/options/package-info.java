/**
 * What the commands share: where results, artifacts and Temporal are ({@link
 * org.rll.cli.options.DatabaseOptions}, {@link org.rll.cli.options.StoreOptions}, {@link
 * org.rll.cli.options.TemporalOptions}), the open results database, and the wait for a stop signal.
 * Nothing here imports a command.
 */
package org.rll.cli.options;
