/** {@code rll sweep}: a sweep file started as an RllSweep workflow and followed to its end. */
package org.rll.cli.sweep;
