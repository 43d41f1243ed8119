/** File input and output shared by every stage; formats live in sub-packages. */
package org.spectlab.core.io;
