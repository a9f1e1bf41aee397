/**
 * Safe extraction of tar, tar.gz and zip archives recognised by their first bytes: no path escapes
 * the target, sizes and entry counts are bounded, and a truncated archive says where it ends.
 */
package org.rll.core.dataset.archive;
