// The run printed exactly the README's output block (as consecutive lines of the build log).
def expected = new File(basedir, 'expected.txt').getText('UTF-8')
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
assert log.contains(expected) : "the quickstart did not print the README's output:\n" + expected
return true
