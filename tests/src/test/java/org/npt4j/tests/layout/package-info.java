/**
 * Tests of the project's layout that no single module can check: every package says what it is
 * for, and no two packages depend on each other, in any module.
 */
package org.npt4j.tests.layout;
