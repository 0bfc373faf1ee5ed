/** How the command line shows outcomes: readable text, or JSON in the reference API's shape. */
package dev.ecoscan.bootstrap.render;
