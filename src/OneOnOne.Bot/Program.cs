namespace OneOnOne.Bot; public static class Program { public static int Main() => 0; }
