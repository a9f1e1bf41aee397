/**
 * Training's optimiser: {@link org.rll.core.optim.Sgd} with PyTorch semantics and checkpointable
 * state, its {@link org.rll.core.optim.SgdConfig}, and the step {@link
 * org.rll.core.optim.LrSchedule}.
 */
package org.rll.core.optim;
