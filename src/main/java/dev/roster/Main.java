package dev.roster;

public final class Main {
  public static void main(String[] args) {}
}
