package org.reelflow;
public final class Main { public static void main(String[] a) {} }
