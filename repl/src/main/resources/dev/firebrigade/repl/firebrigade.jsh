// Firebrigade's JShell startup: the DSL's imports, a feedback mode and the banner. The helpers, println included, are
// Java (dev.firebrigade.repl.Shell), so this also runs under plain jshell (JDK 17's local execution needs -J-cp too):
//   jshell --class-path "$CP" --startup DEFAULT --startup firebrigade.jsh --feedback firebrigade
// Everything the README's and docs' examples use, so they paste as they are (ReplExamplesTest runs them).
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import dev.firebrigade.*;
import dev.firebrigade.model.*;
import dev.firebrigade.error.*;
import dev.firebrigade.bulk.*;
import static dev.firebrigade.Firebrigade.*;
import static dev.firebrigade.model.ActionStatus.*;
import static dev.firebrigade.model.IncidentMode.*;
import static dev.firebrigade.model.IncidentStatusCategory.*;
import static dev.firebrigade.repl.Shell.*;

/set mode firebrigade -quiet
/set prompt firebrigade '\nfirebrigade> ' '        ...> '
/set truncation firebrigade 500
/set format firebrigade action 'created' added-primary
/set format firebrigade action 'modified' modified-primary
/set format firebrigade action 'replaced' replaced-primary
/set format firebrigade action 'overwrote' overwrote-primary
/set format firebrigade action 'dropped' dropped-primary
/set format firebrigade typeKind 'class' class
/set format firebrigade typeKind 'interface' interface
/set format firebrigade typeKind 'enum' enum
/set format firebrigade typeKind 'record' record
/set format firebrigade typeKind 'annotation interface' annotation
/set format firebrigade result '{name} ==> {value}{post}' added,modified,replaced-ok-primary
/set format firebrigade display '{result}' added,modified,replaced-expression,varvalue,assignment,varinit,vardecl-ok-primary
/set format firebrigade display '{pre}{action} {typeKind} {name}{post}' class,interface,enum,annotation,record-primary
/set format firebrigade display '{pre}{action} method {name}({type}){post}' method-primary

banner();
