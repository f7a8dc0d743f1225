/** The engine's command-line entry point. Plain Java; depends only on the engine's packages. */
package io.faceswap.swap.cli;
