package org.equitymark.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A create listener that {@link EveryUserTaskPlugin} adds to every user task of every deployed model,
 * after the listeners the model declares: for concerns of Tasklist rather than of one model, so a
 * task a designer adds in Camunda Modeler gets it without anyone remembering a listener.
 */
public interface ForEveryUserTask extends TaskListener {
}
