/**
 * {@code rll bench sweep}: what a sweep workflow costs over the same runs started one after
 * another, both on the embedded stack.
 */
package org.rll.workstation.bench;
