/** Evaluation results as rows of the results database. */
package org.rll.activities.results;
