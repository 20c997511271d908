@echo off
rem Starts this Salesbench installation on Windows. There is no native Eclipse launcher on Maven Central, so the
rem product starts through the Equinox launcher jar. Needs Java 21 or newer: set JAVA_HOME or put java on PATH.
rem Settings and the embedded database live in %USERPROFILE%\.salesbench unless SALESBENCH_HOME says otherwise.
rem "salesbench cli <command> ..." runs the command line on the same database.
setlocal
set "HERE=%~dp0"
if defined SALESBENCH_HOME (set "DATA=%SALESBENCH_HOME%") else (set "DATA=%USERPROFILE%\.salesbench")
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java.exe")
if not defined SALESBENCH_DEMO_SIZE set "SALESBENCH_DEMO_SIZE=500"
set "LAUNCHER="
for %%F in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fF"
if not defined LAUNCHER (
  echo salesbench: no org.eclipse.equinox.launcher jar in "%HERE%plugins": this installation is incomplete 1>&2
  exit /b 1
)
if not exist "%DATA%" mkdir "%DATA%"
if /i "%~1"=="cli" goto cli
rem class data sharing for the workbench: the classes a start loads, kept in an archive Java makes as the first start ends
if not exist "%DATA%\configuration" mkdir "%DATA%\configuration"
"%JAVA%" -Xmx1g "-XX:SharedArchiveFile=%DATA%\configuration\salesbench-workbench.jsa" -XX:+AutoCreateSharedArchive "-Xlog:cds*=off" "-Dsalesbench.db.url=jdbc:derby:%DATA%\db;create=true" "-Dderby.stream.error.file=%DATA%\derby.log" "-Dsalesbench.demo.size=%SALESBENCH_DEMO_SIZE%" -jar "%LAUNCHER%" -nosplash -data "%DATA%\workspace" -configuration "%DATA%\configuration" %*
exit /b %ERRORLEVEL%
:cli
shift
set "ARGS="
:collect
if "%~1"=="" goto run
set ARGS=%ARGS% %1
shift
goto collect
:run
"%JAVA%" -Xmx1g -Djava.awt.headless=true "-Dsalesbench.db.url=jdbc:derby:%DATA%\db;create=true" "-Dderby.stream.error.file=%DATA%\derby.log" -Dlog4j2.statusLoggerLevel=OFF -jar "%LAUNCHER%" -nosplash -data "%DATA%\workspace" -configuration "%DATA%\configuration" -application org.salesbench.cli.application%ARGS%
exit /b %ERRORLEVEL%
