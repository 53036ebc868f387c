// The job ran to the end (it wrote the customer_value table) and printed exactly the README's output block (as
// consecutive lines of the build log).
assert new File(basedir, 'target/lake/customer_value/_SUCCESS').isFile() : 'the job wrote no customer_value table'
def expected = new File(basedir, 'expected.txt').getText('UTF-8')
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
assert log.contains(expected) : "the Spark snippet did not print the README's output:\n" + expected
return true
