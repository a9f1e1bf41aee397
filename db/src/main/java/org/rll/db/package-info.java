/** The results database: schema migrations and the repository that upserts runs and metrics. */
package org.rll.db;
