/** Study files: a local run or a federated analysis saved as JSON, read back with problems named by line and column. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.core.study;
