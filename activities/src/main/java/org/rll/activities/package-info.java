/**
 * Activity implementations: each receives its collaborators from core and db through its
 * constructor and adds only heartbeats and failure mapping.
 */
package org.rll.activities;
