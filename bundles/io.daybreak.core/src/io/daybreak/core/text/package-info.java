/** Help for names people type: "did you mean" suggestions for commands, method ids, parameters and columns. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.text;
