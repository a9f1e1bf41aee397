/**
 * A run's spec resolved into core configs: {@link org.rll.activities.resolve.SpecResolver} applies
 * the defaults, validates every value, and names the bad one when a value is wrong; {@link
 * org.rll.activities.resolve.RunSettings} is the result the stages read.
 */
package org.rll.activities.resolve;
