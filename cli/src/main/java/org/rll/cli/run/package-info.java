/**
 * The commands about runs: {@code rll train} starts one from a spec file and flags, {@code rll
 * status} shows one from the results database and its live workflow, {@code rll cancel} stops one,
 * {@code rll resume} continues one with a new workflow.
 */
package org.rll.cli.run;
