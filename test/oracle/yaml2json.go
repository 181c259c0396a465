// Decodes YAML the way Kubernetes does: go-yaml v2 into interface{}, then the key and value
// conversion of sigs.k8s.io/yaml's YAMLToJSON, then encoding/json. It is the test oracle for
// ballast's YAML reader (src/parse/oracle.test.ts builds and runs it).
//
// Input on stdin: a JSON array of YAML texts. Output: a JSON array with, for each text, either
// {"docs": [value per document...]} or {"error": "message"} when Kubernetes would reject it.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"gopkg.in/yaml.v2"
)

type result struct {
	Docs  []json.RawMessage `json:"docs,omitempty"`
	Error string            `json:"error,omitempty"`
}

func main() {
	var texts []string
	if err := json.NewDecoder(os.Stdin).Decode(&texts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, len(texts))
	for i, text := range texts {
		results[i] = decode(text)
	}
	out, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Stdout.Write(out)
}

func decode(text string) (res result) {
	defer func() {
		if r := recover(); r != nil {
			res = result{Error: fmt.Sprint("panic: ", r)}
		}
	}()
	decoder := yaml.NewDecoder(bytes.NewReader([]byte(text)))
	docs := []json.RawMessage{}
	for {
		var value interface{}
		err := decoder.Decode(&value)
		if err == io.EOF {
			break
		}
		if err != nil {
			return result{Error: err.Error()}
		}
		converted, err := jsonable(value)
		if err != nil {
			return result{Error: err.Error()}
		}
		encoded, err := json.Marshal(converted)
		if err != nil {
			return result{Error: err.Error()}
		}
		docs = append(docs, encoded)
	}
	return result{Docs: docs}
}

// jsonable is sigs.k8s.io/yaml's convertToJSONableObject without a JSON target.
func jsonable(value interface{}) (interface{}, error) {
	switch typed := value.(type) {
	case map[interface{}]interface{}:
		object := make(map[string]interface{}, len(typed))
		for k, v := range typed {
			var key string
			switch typedKey := k.(type) {
			case string:
				key = typedKey
			case int:
				key = strconv.Itoa(typedKey)
			case int64:
				key = strconv.FormatInt(typedKey, 10)
			case float64:
				key = strconv.FormatFloat(typedKey, 'g', -1, 32)
				switch key {
				case "+Inf":
					key = ".inf"
				case "-Inf":
					key = "-.inf"
				case "NaN":
					key = ".nan"
				}
			case bool:
				key = strconv.FormatBool(typedKey)
			default:
				return nil, fmt.Errorf("unsupported map key of type %T: %v", k, k)
			}
			converted, err := jsonable(v)
			if err != nil {
				return nil, err
			}
			object[key] = converted
		}
		return object, nil
	case []interface{}:
		list := make([]interface{}, len(typed))
		for i, v := range typed {
			converted, err := jsonable(v)
			if err != nil {
				return nil, err
			}
			list[i] = converted
		}
		return list, nil
	default:
		return value, nil
	}
}
