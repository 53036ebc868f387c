// The snippet compiled against loyalty-spark and a provided Spark.
assert new File(basedir, 'target/classes/com/example/CustomerValueJob.class').isFile()
return true
