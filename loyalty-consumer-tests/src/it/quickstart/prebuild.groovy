// Writes the README's quickstart, verbatim, into a main class, and its printed output into expected.txt.
def lines = new File(readme).readLines('UTF-8')
int section = lines.indexOf('## Quickstart')
assert section >= 0 : 'README has no "## Quickstart" section'
int open = lines.subList(section, lines.size()).indexOf('```java') + section
int close = lines.subList(open + 1, lines.size()).indexOf('```') + open + 1
int outOpen = lines.subList(close + 1, lines.size()).indexOf('```') + close + 1
int outClose = lines.subList(outOpen + 1, lines.size()).indexOf('```') + outOpen + 1
def code = lines.subList(open + 1, close)
def output = lines.subList(outOpen + 1, outClose)
assert !code.isEmpty() && !output.isEmpty()

def source = new File(basedir, 'src/main/java/com/example/Quickstart.java')
source.parentFile.mkdirs()
source.setText(([
    'package com.example;',
    '',
    'import io.loyalty.data.CustomerSummaries;',
    'import io.loyalty.data.PeriodRule;',
    'import io.loyalty.data.Summarizer;',
    'import io.loyalty.data.Transaction;',
    'import java.time.LocalDate;',
    'import java.util.List;',
    '',
    'public class Quickstart {',
    '    public static void main(String[] args) {'] +
    code.collect { it.isEmpty() ? it : '        ' + it } +
    ['    }', '}']).join('\n') + '\n', 'UTF-8')
new File(basedir, 'expected.txt').setText(output.join('\n') + '\n', 'UTF-8')
return true
