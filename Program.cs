using AngleSharp.Html.Parser;
using System.Diagnostics;
var tag = args[0]; var n = int.Parse(args[1]);
  var html = "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", n)) + "x" + "</body></html>";
  var sw = Stopwatch.StartNew();
  try {
    var doc = NewsRules.Html.HtmlDocuments.Parse(html);
    int depth=0; AngleSharp.Dom.INode? node = doc.Body; while (node?.FirstChild is {} c) { node = c; depth++; }
    Console.WriteLine($"{tag}: parsed {sw.ElapsedMilliseconds} ms depth {depth} elements {doc.All.Length}");
  } catch (Exception ex) { Console.WriteLine($"{tag}: {ex.GetType().Name}: {ex.Message} after {sw.ElapsedMilliseconds} ms"); }
