/** Reading and writing tables by file name: the format follows the extension. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.data.files;
