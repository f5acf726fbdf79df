/**
 * End-to-end tests of the installable Weka package: the zip's layout and metadata, installation
 * into a fresh Weka home, and the classifier found, trained and used from the installed package in
 * child JVMs, as a Weka user would.
 */
package org.npt4j.tests.weka;
