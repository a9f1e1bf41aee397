package org.rll.core.train;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Map;

/** Counts the native arrays a manager tree still holds, to catch leaks across iterations. */
final class LiveArrays {
  private LiveArrays() {}

  static int count(NDManager manager) {
    int count = 0;
    for (Object resource : resources(manager).values()) {
      if (resource instanceof NDManager child) {
        count += count(child);
      } else if (resource instanceof NDArray) {
        count++;
      }
    }
    return count;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, AutoCloseable> resources(NDManager manager) {
    try {
      Field field = BaseNDManager.class.getDeclaredField("resources");
      field.setAccessible(true);
      return (Map<String, AutoCloseable>) field.get(manager);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("DJL's BaseNDManager changed", e);
    }
  }
}
